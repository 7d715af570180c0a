-- MySQL setup of C03: values a driver cannot materialise. MySQL has no infinity or BC dates; its own are zero dates
-- (0000-00-00), zero months or days (1990-00-15), and the year 9999 edge. sql_mode '' lets them in, as on old servers.
SET SESSION sql_mode = '';
CREATE TABLE subscription (
  id         int,
  email      text,
  valid_from datetime,
  valid_to   timestamp NULL,
  renewed_on date
);
INSERT INTO subscription VALUES
 (1, 'ana.k@example.com',  '0000-00-00 00:00:00', '0000-00-00 00:00:00', '1990-05-01'),
 (2, 'b.osei@example.org', '2024-01-01 00:00:00', '2038-01-19 03:14:07', '1990-00-15'),
 (3, 'li.wen@example.com', '9999-12-31 23:59:59', '2025-02-01 00:00:00', '0000-00-00');
CREATE TABLE customer_ok (id int, full_name text);
INSERT INTO customer_ok VALUES (1, 'Jorinde Vass'), (2, 'Amadou Kessler');
