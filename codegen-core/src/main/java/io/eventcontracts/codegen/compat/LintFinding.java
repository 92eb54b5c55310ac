package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.ContractError;

/**
 * One lint finding.
 *
 * @param rule the rule
 * @param severity its configured severity (never {@code OFF})
 * @param error where and what, formatted {@code file:line: what; what to do}
 */
public record LintFinding(LintRule rule, LintRule.Severity severity, ContractError error) {

  /** {@code file:line: what (lint rule-id); what to do}. */
  public String format() {
    return error.format();
  }
}
