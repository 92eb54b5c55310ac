package io.eventcontracts.samples.support;

/**
 * The authenticated caller, from the JWT's {@code id} claim (the seed's payload {@code {id, email}}) or, failing
 * that, its {@code sub}. Declare it as a controller method parameter to require authentication.
 *
 * @param id the user id
 * @param email the e-mail claim, may be null
 */
public record CurrentUser(String id, String email) {}
