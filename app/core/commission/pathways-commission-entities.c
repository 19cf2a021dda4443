/* pathways-commission-entities.c — the records of commissioning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-commission-entities.h"

#include "pathways-record-define.h"

DEFINE_RECORD (PathwaysBudgetLine, pathways_budget_line, "budget_line", PATHWAYS_BUDGET_LINE_FIELDS)
DEFINE_RECORD (PathwaysPlacementIncome, pathways_placement_income, "placement_income",
               PATHWAYS_PLACEMENT_INCOME_FIELDS)
DEFINE_RECORD (PathwaysProvider, pathways_provider, "provider", PATHWAYS_PROVIDER_FIELDS)
DEFINE_RECORD (PathwaysReferral, pathways_referral, "referral", PATHWAYS_REFERRAL_FIELDS)
DEFINE_RECORD (PathwaysOffer, pathways_offer, "offer", PATHWAYS_OFFER_FIELDS)
DEFINE_RECORD (PathwaysIStatement, pathways_i_statement, "i_statement", PATHWAYS_I_STATEMENT_FIELDS)
DEFINE_RECORD (PathwaysIStatementAnswer, pathways_i_statement_answer, "i_statement_answer",
               PATHWAYS_I_STATEMENT_ANSWER_FIELDS)

/* Vocabularies ---------------------------------------------------------- */

/* A code and its label (N_()), in tables the lookups below share */
typedef PathwaysCodeLabel CodeLabel;

static const CodeLabel *
code_find (const CodeLabel *table,
           guint            n,
           const char      *code)
{
  for (guint i = 0; code != NULL && i < n; i++)
    if (g_str_equal (table[i].code, code))
      return &table[i];
  return NULL;
}

static const char *
code_label (const CodeLabel *table,
            guint            n,
            const char      *code)
{
  const CodeLabel *found = code_find (table, n, code);
  return found ? g_dgettext (GETTEXT_PACKAGE, found->label) : code;
}

static const PathwaysProvisionKind provision_kinds[] = {
  { "supported", N_("Supported accommodation") },
  { "supported_lodgings", N_("Supported lodgings") },
  { "staying_put", N_("Staying Put") },
  { "staying_close", N_("Staying Close") },
  { "in_house_fostering", N_("In-house fostering") },
  { "ifa", N_("Independent fostering agency") },
  { "kinship_fostering", N_("Kinship fostering") },
  { "in_house_residential", N_("In-house residential") },
  { "residential", N_("Independent or private residential") },
  { "adoption", N_("Placed for adoption") },
  { "emergency", N_("Emergency accommodation") },
  { "independent", N_("Independent tenancy") },
  { "other", N_("Other") },
};

const PathwaysProvisionKind *
pathways_provision_kinds (guint *n_kinds)
{
  if (n_kinds)
    *n_kinds = G_N_ELEMENTS (provision_kinds);
  return provision_kinds;
}

const char *
pathways_provision_kind_label (const char *code)
{
  return code_label (provision_kinds, G_N_ELEMENTS (provision_kinds), code);
}

gboolean
pathways_provision_kind_is_valid (const char *code)
{
  return code_find (provision_kinds, G_N_ELEMENTS (provision_kinds), code) != NULL;
}

const char *
pathways_provision_kind_of_spell (const char *place,
                                  const char *place_provider,
                                  const char *unit_kind)
{
  gboolean external = g_strcmp0 (place_provider, "PR4") == 0 || g_strcmp0 (place_provider, "PR5") == 0;

  /* 903 PLACE: U1–U3 foster placements with a relative or friend, U4–U6
   * with other carers; K1 secure unit, K2 children's home; A3–A6 placed
   * for adoption */
  if (place != NULL && (g_str_equal (place, "U1") || g_str_equal (place, "U2") || g_str_equal (place, "U3")))
    return "kinship_fostering";
  if (place != NULL && place[0] == 'U')
    return external ? "ifa" : "in_house_fostering";
  if (place != NULL && (g_str_equal (place, "K1") || g_str_equal (place, "K2")))
    return g_strcmp0 (place_provider, "PR1") == 0 ? "in_house_residential" : "residential";
  if (place != NULL && place[0] == 'A')
    return "adoption";
  if (unit_kind == NULL)
    return "other";
  if (g_str_equal (unit_kind, "supported") || g_str_equal (unit_kind, "foyer"))
    return "supported";
  if (g_str_equal (unit_kind, "supported_lodgings"))
    return "supported_lodgings";
  if (g_str_equal (unit_kind, "staying_put"))
    return "staying_put";
  if (g_str_equal (unit_kind, "staying_close"))
    return "staying_close";
  if (g_str_equal (unit_kind, "emergency") || g_str_equal (unit_kind, "bed_and_breakfast"))
    return "emergency";
  if (g_str_equal (unit_kind, "council") || g_str_equal (unit_kind, "housing_association") ||
      g_str_equal (unit_kind, "private_rented"))
    return "independent";
  return "other";
}

const char *
pathways_provision_kind_unit_kind (const char *kind)
{
  if (g_strcmp0 (kind, "supported_lodgings") == 0 || g_strcmp0 (kind, "staying_put") == 0 ||
      g_strcmp0 (kind, "staying_close") == 0 || g_strcmp0 (kind, "emergency") == 0)
    return kind;
  if (g_strcmp0 (kind, "independent") == 0)
    return "private_rented";
  return "supported";
}

static const CodeLabel income_sources[] = {
  { "health", N_("Health contribution") },
  { "education", N_("Education contribution") },
  { "uasc_grant", N_("Home Office UASC grant") },
  { "housing_benefit", N_("Housing benefit") },
  { "other", N_("Other income") },
};

const PathwaysCodeLabel *
pathways_income_sources (guint *n_sources)
{
  if (n_sources)
    *n_sources = G_N_ELEMENTS (income_sources);
  return income_sources;
}

const char *
pathways_income_source_label (const char *source)
{
  return code_label (income_sources, G_N_ELEMENTS (income_sources), source);
}

gboolean
pathways_income_source_is_valid (const char *source)
{
  return code_find (income_sources, G_N_ELEMENTS (income_sources), source) != NULL;
}

static const CodeLabel routes[] = {
  { "approved_list", N_("Approved list") },
  { "dps", N_("Dynamic purchasing system") },
  { "block", N_("Block contract") },
  { "spot", N_("Spot purchase") },
};

const PathwaysCodeLabel *
pathways_provider_routes (guint *n_routes)
{
  if (n_routes)
    *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

const char *
pathways_provider_route_label (const char *route)
{
  return code_label (routes, G_N_ELEMENTS (routes), route);
}

gboolean
pathways_provider_route_is_valid (const char *route)
{
  return code_find (routes, G_N_ELEMENTS (routes), route) != NULL;
}
