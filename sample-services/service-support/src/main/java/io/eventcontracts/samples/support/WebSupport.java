package io.eventcontracts.samples.support;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Identity and errors for the REST API: a {@link CurrentUser} controller parameter requires a valid
 * {@code Authorization: Bearer <jwt>} header (else 401), and failures answer in the seed's error format.
 */
@RestControllerAdvice
public class WebSupport implements WebMvcConfigurer {

  private final JwtVerifier verifier;

  public WebSupport(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
          WebDataBinderFactory binderFactory) {
        String header = request.getNativeRequest(HttpServletRequest.class).getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
          throw ApiException.notAuthorized();
        }
        return verifier.verify(header.substring(7).trim()).orElseThrow(ApiException::notAuthorized);
      }
    });
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return error(e.status(), e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Map<String, Object>> conflict(OptimisticLockingFailureException e) {
    return error(HttpStatus.CONFLICT, "changed concurrently by another request; reload and retry");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "request body is not valid JSON for this endpoint");
  }

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of("message", message))));
  }
}
