-- tickets as replicated from ticket:created / ticket:updated (version = the tickets service's version)
CREATE TABLE tickets (
  id       VARCHAR(64)    PRIMARY KEY,
  title    VARCHAR(200)   NOT NULL,
  price    NUMERIC(12, 2) NOT NULL,
  version  BIGINT         NOT NULL
);
CREATE TABLE orders (
  id          VARCHAR(64)  PRIMARY KEY,
  user_id     VARCHAR(200) NOT NULL,
  status      VARCHAR(32)  NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  ticket_id   VARCHAR(64)  NOT NULL REFERENCES tickets (id),
  version     BIGINT       NOT NULL
);
CREATE INDEX orders_ticket ON orders (ticket_id, status);
