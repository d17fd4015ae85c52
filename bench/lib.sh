# bench/lib.sh: what the benches share, sourced (`. bench/lib.sh`) after
# they set dir (BENCH_DIR), bin (the cartref under test) and AS_OF.  The
# synthetic data and stores are made once in $dir and kept, so that runs
# compare; a store is its file and its audit file (STORE-audit,
# docs/security.md), and is removed and copied with both.

# store_rm DB: a store's files: DB, -wal, -shm, its audit file and that
# file's
store_rm() {
	rm -f "$1" "$1-wal" "$1-shm" "$1-journal" \
		"$1-audit" "$1-audit-wal" "$1-audit-shm" "$1-audit-journal"
}

# store_copy SRC DST: a closed store with its audit file, replacing DST
store_copy() {
	store_rm "$2"
	cp "$1" "$2"
	[ ! -f "$1-audit" ] || cp "$1-audit" "$2-audit"
}

# england_data: the england-scale synthetic returns as of AS_OF in
# $dir/england-$AS_OF, made once; sets data
england_data() {
	data=$dir/england-$AS_OF
	mkdir -p "$dir"
	if [ ! -f "$data/missing-live.csv" ]; then
		rm -rf "$data"
		"$bin" demo-data --seed 1 --scale england --as-of "$AS_OF" "$data"
	fi
}

# wales_store DB DATA NAME: the Wales synthetic data as of AS_OF (in
# DATA) imported into DB with the demo users, made once (DB.done); NAME
# says who is making it
wales_store() {
	if [ ! -f "$1.done" ]; then
		echo "$3: making the Wales store in $1"
		rm -rf "$2"
		store_rm "$1"
		"$bin" demo-data --seed 1 --scale wales --as-of "$AS_OF" \
			"$2" >/dev/null
		"$bin" --db "$1" import dir "$2" >/dev/null
		"$bin" --db "$1" user demo >/dev/null
		touch "$1.done"
	fi
}
