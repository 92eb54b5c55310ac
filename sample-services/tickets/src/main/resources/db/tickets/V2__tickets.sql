CREATE TABLE tickets (
  id        VARCHAR(64)    PRIMARY KEY,
  title     VARCHAR(200)   NOT NULL,
  price     NUMERIC(12, 2) NOT NULL,
  user_id   VARCHAR(200)   NOT NULL,
  order_id  VARCHAR(64),
  -- optimistic concurrency and the version every ticket event carries
  version   BIGINT         NOT NULL
);
