package org.ethoslab.app.system;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the app's own "not found" and "not allowed" outcomes, and malformed URLs, into the shared error pages with
 * an explanation. Everything else falls through to Spring Boot's error handling, which renders the same
 * {@code error/<status>} templates without a detail.
 */
@ControllerAdvice
class ErrorPageAdvice {

  @ExceptionHandler(AccessRefusedException.class)
  ModelAndView accessRefused(AccessRefusedException ex, HttpServletResponse response) {
    return page(HttpStatus.FORBIDDEN, ex.messageKey(), response);
  }

  @ExceptionHandler(PageNotFoundException.class)
  ModelAndView notFound(PageNotFoundException ex, HttpServletResponse response) {
    return page(HttpStatus.NOT_FOUND, ex.messageKey(), response);
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ModelAndView badRequest(Exception ex, HttpServletResponse response) {
    return page(HttpStatus.BAD_REQUEST, "error.detail.badAddress", response);
  }

  private static ModelAndView page(HttpStatus status, String detailKey, HttpServletResponse response) {
    response.setStatus(status.value());
    ModelAndView mav = new ModelAndView("error/" + status.value());
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("detailKey", detailKey);
    return mav;
  }
}
