-- grants: GRANT SELECT (id, holder_name, amount), REFERENCES (iban) ON `{db}`.payout TO {user}; GRANT REFERENCES (id) ON `{db}`.secret_stuff TO {user}
-- MySQL setup of C14: the scanner may SELECT only payout(id, holder_name, amount). MySQL lists only the tables and
-- columns a user holds some privilege on, so the user holds REFERENCES (never a read) on iban and on secret_stuff:
-- visible, not readable. A table or column with no grant at all is invisible to the user and absent from the inventory.
CREATE TABLE payout (id int, holder_name text, iban text, amount decimal(10,2));
INSERT INTO payout VALUES
 (1, 'Jorinde Vass',   'DE12500105170648489890', 120.00),
 (2, 'Amadou Kessler', 'GB29NWBK60161331926819',  75.50);
CREATE TABLE secret_stuff (id int, token text);
