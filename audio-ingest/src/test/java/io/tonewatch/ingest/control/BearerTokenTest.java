package io.tonewatch.ingest.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void acceptsOnlyTheConfiguredTokenInABearerHeader() {
    BearerToken token = new BearerToken("s3cret");
    assertFalse(token.open());
    assertTrue(token.acceptsHeader("Bearer s3cret"));
    assertTrue(token.acceptsHeader("bearer s3cret"), "the scheme is case-insensitive");
    assertFalse(token.acceptsHeader("Bearer s3cret2"));
    assertFalse(token.acceptsHeader("Bearer s3cre"));
    assertFalse(token.acceptsHeader("Basic s3cret"));
    assertFalse(token.acceptsHeader("s3cret"));
    assertFalse(token.acceptsHeader(""));
    assertFalse(token.acceptsHeader(null));
    assertTrue(token.acceptsToken("s3cret"));
    assertFalse(token.acceptsToken(null));
  }

  @Test
  void noTokenConfiguredLetsEveryRequestThrough() {
    BearerToken token = new BearerToken("");
    assertTrue(token.open());
    assertTrue(token.acceptsHeader(null));
    assertTrue(new BearerToken(null).acceptsToken("anything"));
  }
}
