package io.eventcontracts.samples.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * HS256 tokens with the secret from {@code JWT_KEY}, as in the seed's auth design, through nimbus-jose-jwt. Tokens
 * must be signed with HS256 (no "none", no other algorithm) and, when they carry {@code exp}, not be expired.
 */
public final class JwtVerifier {

  /** HS256 needs a 256-bit key; nimbus refuses shorter secrets. */
  public static final int MIN_KEY_BYTES = 32;

  private final byte[] key;
  private final Clock clock;

  public JwtVerifier(String key, Clock clock) {
    if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("JWT_KEY must have at least " + MIN_KEY_BYTES + " bytes (HS256)");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** The user of a valid token; empty for a malformed, wrongly signed, non-HS256 or expired token. */
  public Optional<CurrentUser> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (exp != null && exp.toInstant().isBefore(clock.instant())) {
        return Optional.empty();
      }
      String id = claims.getStringClaim("id");
      if (id == null) {
        id = claims.getSubject();
      }
      return id == null || id.isBlank() ? Optional.empty()
          : Optional.of(new CurrentUser(id, claims.getStringClaim("email")));
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** Signs a token for {@code userId} (what the seed's auth service does at sign-in); used by the demo and tests. */
  public static String sign(String key, String userId, String email) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
          new JWTClaimsSet.Builder().claim("id", userId).claim("email", email).issueTime(new Date()).build());
      jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign a token: " + e.getMessage(), e);
    }
  }
}
