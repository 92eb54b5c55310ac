package io.eventcontracts.samples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  static final String KEY = "a-shared-secret-of-at-least-32-bytes!";
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  final JwtVerifier verifier = new JwtVerifier(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenSignedWithTheSharedKeyCarriesTheSeedsIdClaim() {
    assertThat(verifier.verify(JwtVerifier.sign(KEY, "user-1", "a@b.c")))
        .contains(new CurrentUser("user-1", "a@b.c"));
  }

  @Test
  void theSubjectIsTheUserIdWhenThereIsNoIdClaim() throws Exception {
    assertThat(verifier.verify(hs256(new JWTClaimsSet.Builder().subject("user-2").build(), KEY)))
        .contains(new CurrentUser("user-2", null));
  }

  @Test
  void wrongKeyExpiredUnsignedAndGarbageTokensAreRefused() throws Exception {
    assertThat(verifier.verify(JwtVerifier.sign("another-secret-that-is-also-32-bytes-long", "u", null))).isEmpty();
    assertThat(verifier.verify(hs256(new JWTClaimsSet.Builder().claim("id", "u")
        .expirationTime(Date.from(NOW.minusSeconds(1))).build(), KEY))).isEmpty();
    assertThat(verifier.verify(new PlainJWT(new PlainHeader(), new JWTClaimsSet.Builder().claim("id", "u").build())
        .serialize())).isEmpty();
    assertThat(verifier.verify("not.a.token")).isEmpty();
    assertThat(verifier.verify(hs256(new JWTClaimsSet.Builder().claim("email", "no-id@x").build(), KEY))).isEmpty();
  }

  @Test
  void aKeyTooShortForHs256IsRefused() {
    assertThatThrownBy(() -> new JwtVerifier("short", Clock.systemUTC()))
        .hasMessageContaining("JWT_KEY must have at least 32 bytes");
  }

  private static String hs256(JWTClaimsSet claims, String key) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
