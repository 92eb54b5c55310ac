/** Implementation of the NATS Streaming transport; not API, may change in any release. */
package io.eventcontracts.transport.stan.internal;
