/** Implementation of the runtime; not API, may change without notice. */
package io.eventcontracts.runtime.internal;
