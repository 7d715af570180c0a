-- MySQL setup of C04: an integer primary key whose first 10,000 rows are placeholders (sampled by random key probes),
-- and a 5,000,000-row table without a primary key (InnoDB's hidden row id cannot be probed: read with LIMIT, bounded).
-- Rows come from MariaDB's sequence engine (seq_1_to_N).
CREATE TABLE signup (id bigint AUTO_INCREMENT PRIMARY KEY, contact text, note text);
INSERT INTO signup (contact, note) SELECT 'n/a', 'migrated' FROM seq_1_to_10000;
INSERT INTO signup (contact, note) SELECT CONCAT('user', seq, '@example.com'), 'web' FROM seq_1_to_2000;
CREATE TABLE click_log AS SELECT seq AS id, CONCAT('198.51.100.', seq % 250) AS ip FROM seq_1_to_5000000;
ANALYZE TABLE signup, click_log;
