/** Implementation of the JetStream transport; not API, may change in any release. */
package io.eventcontracts.transport.jetstream.internal;
