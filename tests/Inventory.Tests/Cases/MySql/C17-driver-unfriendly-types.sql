-- MySQL setup of C17 with MySQL's own driver-unfriendly types: BLOB (measured, never decoded), BIT(16), ENUM,
-- LINESTRING (spatial, as WKT), SET.
CREATE TABLE profile_blob (
  id        int,
  avatar    blob,
  owner_rel bit(16),
  pref      enum('email', 'phone', 'post'),
  stay      linestring,
  cols      set('1', '2', '3'),
  email     text
);
INSERT INTO profile_blob VALUES
 (1, X'DEADBEEF',         b'0000000100000010', 'email', ST_GeomFromText('LINESTRING(0 0, 1 1)'), '1,2', 'ana.k@example.com'),
 (2, X'89504E470D0A1A0A', b'1',                'post',  ST_GeomFromText('LINESTRING(2 2, 3 5)'), '3',   'b.osei@example.org'),
 (3, NULL,                b'0',                'phone', NULL,                                    '',    'li.wen@example.com');
