-- What the agencies recorded live (issue 5) for the fixture's Cardiff
-- children: missing episodes (mfc_episode), strategy meetings and alerts.
-- Loaded after the SSDA903 returns (tests/unit/u-review.c, t0600); the
-- working is in EXPECT, section "The response to going missing".
-- Instants are UTC, as store_time_fmt() writes them.

CREATE TEMP VIEW kid AS
  SELECT c.id, c.child_ref FROM child c JOIN la a ON a.id = c.la_id
  WHERE a.code = 'W06000015';

INSERT INTO mfc_episode (child_id, kind, urn, started_at, reported_at,
  returned_at, ri_held_at, ri_outcome, arrested, charged, updated_at)
VALUES
  -- E1 C01 from Bryn Dau, the same day as its SSDA903 period of 01/07/2018:
  -- interview exactly 72 hours after the return
  ((SELECT id FROM kid WHERE child_ref = 'C01'), 'M', 'W0000002',
   '2018-07-01T20:00:00.000Z', '2018-07-01T20:30:00.000Z',
   '2018-07-03T10:00:00.000Z', '2018-07-06T10:00:00.000Z', 'accepted', 0, 0,
   '2018-07-06T10:00:00.000Z'),
  -- E2 C01 from Bryn Dau: interview 72 hours and 1 ms after the return
  ((SELECT id FROM kid WHERE child_ref = 'C01'), 'M', 'W0000002',
   '2018-09-10T08:00:00.000Z', '2018-09-10T08:10:00.000Z',
   '2018-09-10T18:00:00.000Z', '2018-09-13T18:00:00.001Z', 'accepted', 0, 0,
   '2018-09-13T18:00:00.001Z'),
  -- E3 C04 from Ty Un, the same day as its SSDA903 period of 02/07/2018:
  -- interview declined; arrested
  ((SELECT id FROM kid WHERE child_ref = 'C04'), 'M', 'W0000001',
   '2018-07-02T15:00:00.000Z', '2018-07-02T15:30:00.000Z',
   '2018-07-04T09:00:00.000Z', NULL, 'declined', 1, 0,
   '2018-07-05T09:00:00.000Z'),
  -- E4 C04 from Ty Un: interview 24 hours after
  ((SELECT id FROM kid WHERE child_ref = 'C04'), 'M', 'W0000001',
   '2019-01-10T12:00:00.000Z', '2019-01-10T12:05:00.000Z',
   '2019-01-11T12:00:00.000Z', '2019-01-12T12:00:00.000Z', 'accepted', 0, 0,
   '2019-01-12T12:00:00.000Z'),
  -- E5 C06 (foster care): returned, no interview recorded
  ((SELECT id FROM kid WHERE child_ref = 'C06'), 'M', NULL,
   '2018-10-05T09:00:00.000Z', '2018-10-05T09:20:00.000Z',
   '2018-10-05T20:00:00.000Z', NULL, NULL, 0, 0,
   '2018-10-05T20:00:00.000Z'),
  -- E6 C06: interview 80 hours after; charged
  ((SELECT id FROM kid WHERE child_ref = 'C06'), 'M', NULL,
   '2018-12-20T21:00:00.000Z', '2018-12-20T21:30:00.000Z',
   '2018-12-21T08:00:00.000Z', '2018-12-24T16:00:00.000Z', 'accepted', 0, 1,
   '2018-12-24T16:00:00.000Z'),
  -- E7 C06: still missing
  ((SELECT id FROM kid WHERE child_ref = 'C06'), 'M', NULL,
   '2019-02-01T10:00:00.000Z', '2019-02-01T10:30:00.000Z',
   NULL, NULL, NULL, 0, 0, '2019-02-01T10:30:00.000Z'),
  -- E8 C03: started in the year, returned on 1 April 2019 (next year);
  -- charged
  ((SELECT id FROM kid WHERE child_ref = 'C03'), 'M', NULL,
   '2019-03-31T20:00:00.000Z', '2019-03-31T20:10:00.000Z',
   '2019-04-01T02:00:00.000Z', NULL, NULL, 0, 1,
   '2019-04-01T02:00:00.000Z'),
  -- E9 C03: away (A), not missing; arrested
  ((SELECT id FROM kid WHERE child_ref = 'C03'), 'A', NULL,
   '2018-06-01T10:00:00.000Z', '2018-06-01T10:10:00.000Z',
   '2018-06-01T12:00:00.000Z', '2018-06-01T13:00:00.000Z', 'accepted', 1, 0,
   '2018-06-01T13:00:00.000Z');

INSERT INTO strategy_meeting (child_id, held_on, recorded_at) VALUES
  ((SELECT id FROM kid WHERE child_ref = 'C01'), '2018-03-20',
   '2018-03-20T12:00:00.000Z'),
  ((SELECT id FROM kid WHERE child_ref = 'C01'), '2018-08-15',
   '2018-08-15T12:00:00.000Z'),
  ((SELECT id FROM kid WHERE child_ref = 'C01'), '2018-10-01',
   '2018-10-01T12:00:00.000Z'),
  ((SELECT id FROM kid WHERE child_ref = 'C03'), '2018-06-01',
   '2018-06-01T12:00:00.000Z');

INSERT INTO alert (rule_id, subject_key, child_id, urn, state, raised_at,
  acknowledged_at, resolved_at)
VALUES
  -- A1 C01, Bryn Dau: acknowledged after 2 hours
  ('ri_72h', 'E2', (SELECT id FROM kid WHERE child_ref = 'C01'), 'W0000002',
   'acknowledged', '2018-09-13T18:00:00.001Z', '2018-09-13T20:00:00.001Z',
   NULL),
  -- A2 C04, Ty Un: never acknowledged
  ('arrested', 'E3', (SELECT id FROM kid WHERE child_ref = 'C04'),
   'W0000001', 'open', '2018-07-04T09:00:00.000Z', NULL, NULL),
  -- A3 C04, Ty Un: resolved after 6 hours without an acknowledgement
  ('repeat', 'C04', (SELECT id FROM kid WHERE child_ref = 'C04'),
   'W0000001', 'resolved', '2019-01-11T00:00:00.000Z', NULL,
   '2019-01-11T06:00:00.000Z'),
  -- A4 Bryn Dau alone (a home alert, no child): 24 hours
  ('home_rate', 'W0000002', NULL, 'W0000002', 'acknowledged',
   '2019-02-01T00:00:00.000Z', '2019-02-02T00:00:00.000Z', NULL),
  -- A5 C01, raised 1 ms before the year began
  ('repeat', 'C01', (SELECT id FROM kid WHERE child_ref = 'C01'), NULL,
   'acknowledged', '2018-03-31T23:59:59.999Z', '2018-04-01T01:00:00.000Z',
   NULL),
  -- A6 C06, raised 1 ms before the year ended: 4 hours
  ('over_24h', 'E7', (SELECT id FROM kid WHERE child_ref = 'C06'), NULL,
   'acknowledged', '2019-03-31T23:59:59.999Z', '2019-04-01T03:59:59.999Z',
   NULL);
