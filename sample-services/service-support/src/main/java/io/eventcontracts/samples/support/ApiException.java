package io.eventcontracts.samples.support;

import org.springframework.http.HttpStatus;

/** An error answered to the client as {@code {"errors":[{"message": ...}]}}, the seed's error format. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  /** The seed answers 401 "Not authorized" both without a token and for a user who does not own the resource. */
  public static ApiException notAuthorized() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "Not authorized");
  }
}
