-- orders as replicated from order:created / order:cancelled (version = the orders service's version)
CREATE TABLE orders (
  id       VARCHAR(64)    PRIMARY KEY,
  user_id  VARCHAR(200)   NOT NULL,
  price    NUMERIC(12, 2) NOT NULL,
  status   VARCHAR(32)    NOT NULL,
  version  BIGINT         NOT NULL
);
CREATE TABLE payments (
  id         VARCHAR(64)  PRIMARY KEY,
  order_id   VARCHAR(64)  NOT NULL UNIQUE REFERENCES orders (id),
  charge_id  VARCHAR(200) NOT NULL,
  version    BIGINT       NOT NULL
);
