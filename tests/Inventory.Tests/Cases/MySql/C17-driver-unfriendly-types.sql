-- MySQL setup of C17 with MySQL's own driver-unfriendly types: BLOB (measured, never decoded), BIT(16), ENUM,
-- TIME beyond a day (the case's daterange `stay`, expected none), SET, and LINESTRING (spatial, sampled as WKT; `route`
-- has no row in expected.tsv: since trial 28 a spatial column of a person's record is that person's location, so it is
-- no stand-in for a range that must read none).
CREATE TABLE profile_blob (
  id        int,
  avatar    blob,
  owner_rel bit(16),
  pref      enum('email', 'phone', 'post'),
  stay      time,
  cols      set('1', '2', '3'),
  email     text,
  route     linestring
);
INSERT INTO profile_blob VALUES
 (1, X'DEADBEEF',         b'0000000100000010', 'email', '120:30:00', '1,2', 'ana.k@example.com',  ST_GeomFromText('LINESTRING(0 0, 1 1)')),
 (2, X'89504E470D0A1A0A', b'1',                'post',  '-36:00:00', '3',   'b.osei@example.org', ST_GeomFromText('LINESTRING(2 2, 3 5)')),
 (3, NULL,                b'0',                'phone', NULL,        '',    'li.wen@example.com', NULL);
