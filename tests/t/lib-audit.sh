# tests/t/lib-audit.sh: refusals in the audit trail (issue 10, item 6),
# sourced after lib.sh by the role x route matrices.  Rows are read through
# `cartref audit list`, not SQL on the audit table, so that where the trail
# is kept may change.  The script sets db (the store) and D (the demo
# users' domain).
#
#   audit_head
#	the newest row's id (0 when there is none)
#   demo_email ROLE
#	the demo user of a role name the matrices use (sw, orchard, ...;
#	meadow, dyfed, swansea are @example.org)
#   refusal_row EMAIL ACTION SUBJECT_RE SINCE
#	nothing when a row after SINCE by EMAIL has ACTION (view-denied,
#	change-denied) and a subject (KIND:ID) matching the extended
#	regular expression SUBJECT_RE; else says what is missing
#   audited_refusal ROLE METHOD STATUS SUBJECT_RE SINCE
#	for a 403 or 404 by a role with a user, refusal_row with
#	view-denied (GET) or change-denied (other methods); else nothing
audit_head() {
	h=$("$CARTREF" --db "$db" audit list --limit 1 | sed -n 2p | cut -f1)
	echo "${h:-0}"
}
demo_email() {
	case $1 in
	sw) echo "social-worker@$D" ;;
	orchard) echo "home-manager@$D" ;;
	meadow|dyfed|swansea) echo "$1@example.org" ;;
	*) echo "$1@$D" ;;
	esac
}
refusal_row() {
	"$CARTREF" --db "$db" audit list --user "$1" --limit 50 |
		awk -F'\t' -v since="$4" -v act="$2" '$1 + 0 > since + 0 && $5 == act { print $6 }' |
		grep -Eq "$3" || echo "$1: no $2 row naming $3;"
}
audited_refusal() {
	case $3 in 403|404) ;; *) return 0 ;; esac
	[ "$1" != none ] || return 0
	if [ "$2" = GET ]; then
		refusal_row "$(demo_email "$1")" view-denied "$4" "$5"
	else
		refusal_row "$(demo_email "$1")" change-denied "$4" "$5"
	fi
}
