-- scan: server-wide
-- grants: GRANT SELECT ON `Sales`.* TO {user}; GRANT SELECT ON `sales`.* TO {user}
-- cleanup: DROP DATABASE IF EXISTS `Sales`; DROP DATABASE IF EXISTS `sales`
-- MySQL setup of C11: a database is the schema, so `Sales` and `sales` are two databases (case-sensitive names with
-- lower_case_table_names=0, the Linux default). Column names are case-insensitive in MySQL, so `EMail` and `email`
-- cannot both exist: only `EMail` is created (the PostgreSQL row for `email` does not apply).
DROP DATABASE IF EXISTS `Sales`;
DROP DATABASE IF EXISTS `sales`;
CREATE DATABASE `Sales`;
CREATE DATABASE `sales`;
CREATE TABLE `Sales`.`Customer` (
  `CustomerID` int, `EMail` text, `Full Name` text, `buyer "nick" name` text, `odd``tick` text
);
INSERT INTO `Sales`.`Customer` VALUES
 (1, 'ana.k@example.com',  'Jorinde Vass',   'jv', 'a'),
 (2, 'b.osei@example.org', 'Amadou Kessler', 'ak', 'b');
CREATE TABLE `sales`.`customer` (id int, note text);
INSERT INTO `sales`.`customer` VALUES (1, 'ok');
