-- pending expirations: stored, so a restart of the service loses none
CREATE TABLE pending_expirations (
  order_id    VARCHAR(64) PRIMARY KEY,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pending_expirations_due ON pending_expirations (expires_at);
