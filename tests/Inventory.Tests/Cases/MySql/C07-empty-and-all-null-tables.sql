-- MySQL setup of C07: an empty table (MariaDB's INET6 type for the address) and a JSON column holding only NULLs.
CREATE TABLE newsletter_optin (
  id int, subscriber_email varchar(120), consent_ip inet6, created_at datetime
);
CREATE TABLE audit_tmp (payload json);
INSERT INTO audit_tmp VALUES (NULL), (NULL);
