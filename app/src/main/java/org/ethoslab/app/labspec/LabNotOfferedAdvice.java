package org.ethoslab.app.labspec;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a lab page whose lab no runner offers as a page that says so. 200, not an error status: the page exists and
 * says what is going on; it works by itself once a runner that has the lab connects.
 */
@ControllerAdvice
class LabNotOfferedAdvice {

  static final String VIEW = "labspec/not-offered";

  @ExceptionHandler(LabNotOfferedException.class)
  ModelAndView notOffered(LabNotOfferedException e) {
    ModelAndView page = new ModelAndView(VIEW, HttpStatus.OK);
    page.addObject("labId", e.labId());
    return page;
  }
}
