/* pathways-commission-entities.h — the records of commissioning
 *
 * The placements budget (budget lines per financial year and kind of
 * provision, income per placement), providers and the referrals made
 * to them with the offers that come back, and the authority's
 * I statements with the answers young people give at review.  Each is
 * a PathwaysRecord like those of pathways-entities.h, kept by both
 * store backends (tables of schema step "commissioning").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-entities.h"

G_BEGIN_DECLS

/* X-macro field lists, as in pathways-entity-fields.h */
#define PATHWAYS_BUDGET_LINE_FIELDS(X, T, p) \
  X (T, p, INT, year, "year", N_("Financial year"), 0) \
  X (T, p, STRING, kind, "kind", N_("Kind of provision"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, MONEY, amount, "amount", N_("Budget"), 0) \
  X (T, p, REAL, placement_weeks, "placement-weeks", N_("Placement-weeks budgeted"), 0) \
  X (T, p, MONEY, income, "income", N_("Income budgeted"), 0) \
  X (T, p, STRING, note, "note", N_("Note"), 0)

#define PATHWAYS_PLACEMENT_INCOME_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, spell_id, "spell-id", N_("Placement"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, source, "source", N_("Source of income"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, MONEY, weekly_amount, "weekly-amount", N_("Weekly amount"), 0) \
  X (T, p, DATE, start_date, "start-date", N_("From"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, end_date, "end-date", N_("Until"), 0)

#define PATHWAYS_PROVIDER_FIELDS(X, T, p) \
  X (T, p, STRING, name, "name", N_("Name"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, route, "route", N_("Framework"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, framework, "framework", N_("Framework name"), 0) \
  X (T, p, STRING, kinds, "kinds", N_("Kinds of provision offered"), 0) \
  X (T, p, STRING, contact_name, "contact-name", N_("Contact"), 0) \
  X (T, p, STRING, email, "email", N_("Email"), 0) \
  X (T, p, STRING, phone, "phone", N_("Telephone"), 0) \
  X (T, p, STRING, registration, "registration", N_("Registration"), 0) \
  X (T, p, BOOL, retired, "retired", N_("No longer used"), 0)

#define PATHWAYS_REFERRAL_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, kind, "kind", N_("Kind of provision"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, made_on, "made-on", N_("Referred on"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, needed_by, "needed-by", N_("Needed by"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, provider_ids, "provider-ids", N_("Providers"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, BOOL, include_wishes, "include-wishes", N_("Wishes and feelings shared"), 0) \
  X (T, p, STRING, risks, "risks", N_("Risks"), 0) \
  X (T, p, INT, made_by, "made-by", N_("Referred by"), PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, state, "state", N_("State"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, placed_on, "placed-on", N_("Placed on"), 0) \
  X (T, p, STRING, close_reason, "close-reason", N_("Reason closed"), 0)

#define PATHWAYS_OFFER_FIELDS(X, T, p) \
  X (T, p, INT, referral_id, "referral-id", N_("Referral"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, provider_id, "provider-id", N_("Provider"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, unit_name, "unit-name", N_("Unit offered"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, address, "address", N_("Address"), 0) \
  X (T, p, STRING, postcode, "postcode", N_("Postcode"), 0) \
  X (T, p, STRING, area, "area", N_("Area"), 0) \
  X (T, p, MONEY, weekly_cost, "weekly-cost", N_("Weekly cost"), 0) \
  X (T, p, DATE, available_from, "available-from", N_("Available from"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, received_on, "received-on", N_("Received on"), 0) \
  X (T, p, STRING, registration, "registration", N_("Registration"), 0) \
  X (T, p, STRING, state, "state", N_("State"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, close_reason, "close-reason", N_("Reason closed"), 0) \
  X (T, p, INT, unit_id, "unit-id", N_("Unit"), PATHWAYS_FIELD_REFERENCE)

#define PATHWAYS_I_STATEMENT_FIELDS(X, T, p) \
  X (T, p, STRING, text, "text", N_("I statement"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, STRING, measure, "measure", N_("Measured by"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, REAL, threshold, "threshold", N_("Threshold"), 0) \
  X (T, p, INT, position, "position", N_("Position"), 0) \
  X (T, p, BOOL, retired, "retired", N_("Retired"), 0)

#define PATHWAYS_I_STATEMENT_ANSWER_FIELDS(X, T, p) \
  X (T, p, INT, young_person_id, "young-person-id", N_("Young person"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, INT, statement_id, "statement-id", N_("I statement"), PATHWAYS_FIELD_REQUIRED | PATHWAYS_FIELD_REFERENCE) \
  X (T, p, STRING, answer, "answer", N_("Answer"), PATHWAYS_FIELD_REQUIRED) \
  X (T, p, DATE, asked_on, "asked-on", N_("Asked on"), PATHWAYS_FIELD_REQUIRED)

#define PATHWAYS_TYPE_BUDGET_LINE (pathways_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysBudgetLine, pathways_budget_line, PATHWAYS, BUDGET_LINE, PathwaysRecord)
#define PATHWAYS_TYPE_PLACEMENT_INCOME (pathways_placement_income_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPlacementIncome, pathways_placement_income, PATHWAYS, PLACEMENT_INCOME, PathwaysRecord)
#define PATHWAYS_TYPE_PROVIDER (pathways_provider_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysProvider, pathways_provider, PATHWAYS, PROVIDER, PathwaysRecord)
#define PATHWAYS_TYPE_REFERRAL (pathways_referral_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysReferral, pathways_referral, PATHWAYS, REFERRAL, PathwaysRecord)
#define PATHWAYS_TYPE_OFFER (pathways_offer_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysOffer, pathways_offer, PATHWAYS, OFFER, PathwaysRecord)
#define PATHWAYS_TYPE_I_STATEMENT (pathways_i_statement_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysIStatement, pathways_i_statement, PATHWAYS, I_STATEMENT, PathwaysRecord)
#define PATHWAYS_TYPE_I_STATEMENT_ANSWER (pathways_i_statement_answer_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysIStatementAnswer, pathways_i_statement_answer, PATHWAYS, I_STATEMENT_ANSWER, PathwaysRecord)

PATHWAYS_BUDGET_LINE_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysBudgetLine, pathways_budget_line)
PATHWAYS_PLACEMENT_INCOME_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysPlacementIncome, pathways_placement_income)
PATHWAYS_PROVIDER_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysProvider, pathways_provider)
PATHWAYS_REFERRAL_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysReferral, pathways_referral)
PATHWAYS_OFFER_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysOffer, pathways_offer)
PATHWAYS_I_STATEMENT_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysIStatement, pathways_i_statement)
PATHWAYS_I_STATEMENT_ANSWER_FIELDS (PATHWAYS_DECLARE_FIELD_ACCESSORS, PathwaysIStatementAnswer, pathways_i_statement_answer)

/* Kinds of provision a budget line, a referral and a provider name
 * (code, label) */
typedef struct {
  const char *code;
  const char *label;   /* N_() */
} PathwaysCodeLabel;
typedef PathwaysCodeLabel PathwaysProvisionKind;

const PathwaysProvisionKind *pathways_provision_kinds      (guint      *n_kinds);
const char                  *pathways_provision_kind_label (const char *code);
gboolean                     pathways_provision_kind_is_valid (const char *code);

/* The kind of provision of a placement: from its 903 placement type and
 * provider (foster care with an agency is IFA, with the authority
 * in-house; K1/K2 residential), else from the unit's kind */
const char                  *pathways_provision_kind_of_spell (const char *place,
                                                               const char *place_provider,
                                                               const char *unit_kind);
/* The kind of unit a place of @kind is registered as */
const char                  *pathways_provision_kind_unit_kind (const char *kind);

/* Sources of income for a placement (code, label) */
const PathwaysCodeLabel     *pathways_income_sources       (guint      *n_sources);
const char                  *pathways_income_source_label  (const char *source);
gboolean                     pathways_income_source_is_valid (const char *source);

/* Frameworks a provider is on (code, label) */
const PathwaysCodeLabel     *pathways_provider_routes      (guint      *n_routes);
const char                  *pathways_provider_route_label (const char *route);
gboolean                     pathways_provider_route_is_valid (const char *route);

G_END_DECLS
