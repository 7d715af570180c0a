-- MySQL setup of C13: a view is read with LIMIT (no key to probe); MySQL has no materialized views.
CREATE TABLE customer (id int PRIMARY KEY, full_name text, email text, country char(2));
INSERT INTO customer VALUES
 (1, 'Jorinde Vass',   'j.vass@example.com',    'DE'),
 (2, 'Amadou Kessler', 'a.kessler@example.org', 'FR'),
 (3, 'Li Wen',         'li.wen@example.com',    'SG');
CREATE VIEW v_customer_contact AS
  SELECT id, full_name AS name, lower(email) AS mail FROM customer;
