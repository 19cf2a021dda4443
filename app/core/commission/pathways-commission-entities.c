/* pathways-commission-entities.c — the records of commissioning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-commission-entities.h"

#define FIELD_ENTRY(T, p, kind, name, prop, label, flags) { prop, PATHWAYS_FIELD_##kind, label, flags },
#define FIELD_INDEX(T, p, kind, name, prop, label, flags) p##__##name,

#define GETTER_STRING g_value_get_string
#define GETTER_DATE   g_value_get_string
#define GETTER_INT    g_value_get_int64
#define GETTER_BOOL   g_value_get_boolean
#define GETTER_MONEY  g_value_get_int64
#define GETTER_REAL   g_value_get_double
#define SETTER_STRING g_value_set_string
#define SETTER_DATE   g_value_set_string
#define SETTER_INT    g_value_set_int64
#define SETTER_BOOL   g_value_set_boolean
#define SETTER_MONEY  g_value_set_int64
#define SETTER_REAL   g_value_set_double
#define GTYPE_STRING  G_TYPE_STRING
#define GTYPE_DATE    G_TYPE_STRING
#define GTYPE_INT     G_TYPE_INT64
#define GTYPE_BOOL    G_TYPE_BOOLEAN
#define GTYPE_MONEY   G_TYPE_INT64
#define GTYPE_REAL    G_TYPE_DOUBLE

#define DEFINE_FIELD_ACCESSORS(T, p, kind, name, prop, label, flags)               \
  PATHWAYS_CTYPE_##kind                                                            \
  p##_get_##name (T *self)                                                         \
  {                                                                                \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, p##_get_type ()),      \
                          (PATHWAYS_CTYPE_##kind) 0);                              \
    return GETTER_##kind (pathways_record_peek_value (PATHWAYS_RECORD (self),      \
                                                      p##__##name));               \
  }                                                                                \
  void                                                                             \
  p##_set_##name (T *self, PATHWAYS_CTYPE_##kind value)                            \
  {                                                                                \
    g_auto(GValue) v = G_VALUE_INIT;                                               \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, p##_get_type ()));         \
    g_value_init (&v, GTYPE_##kind);                                               \
    SETTER_##kind (&v, value);                                                     \
    pathways_record_set_value (PATHWAYS_RECORD (self), p##__##name, &v);           \
  }

/* A record type, its field table, the index of each field and its typed accessors */
#define DEFINE_RECORD(TypeName, type_name, table, FIELDS)                           \
  struct _##TypeName { PathwaysRecord parent_instance; };                           \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PATHWAYS_TYPE_RECORD)                   \
  enum { FIELDS (FIELD_INDEX, TypeName, type_name) type_name##__n_fields };         \
  static const PathwaysField type_name##_fields[] = {                               \
    FIELDS (FIELD_ENTRY, TypeName, type_name)                                       \
  };                                                                                \
  static void type_name##_class_init (TypeName##Class *klass)                       \
  {                                                                                 \
    pathways_record_class_install_fields (PATHWAYS_RECORD_CLASS (klass), table,     \
                                          type_name##_fields,                       \
                                          G_N_ELEMENTS (type_name##_fields));       \
  }                                                                                 \
  static void type_name##_init (TypeName *self) { }                                 \
  FIELDS (DEFINE_FIELD_ACCESSORS, TypeName, type_name)

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
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (provision_kinds); i++)
    if (g_str_equal (provision_kinds[i].code, code))
      return g_dgettext (GETTEXT_PACKAGE, provision_kinds[i].label);
  return code;
}

gboolean
pathways_provision_kind_is_valid (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (provision_kinds); i++)
    if (g_str_equal (provision_kinds[i].code, code))
      return TRUE;
  return FALSE;
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

static const struct { const char *code; const char *label; } income_sources[] = {
  { "health", N_("Health contribution") },
  { "education", N_("Education contribution") },
  { "uasc_grant", N_("Home Office UASC grant") },
  { "housing_benefit", N_("Housing benefit") },
  { "other", N_("Other income") },
};

const char *
pathways_income_source_label (const char *source)
{
  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (income_sources); i++)
    if (g_str_equal (income_sources[i].code, source))
      return g_dgettext (GETTEXT_PACKAGE, income_sources[i].label);
  return source;
}

gboolean
pathways_income_source_is_valid (const char *source)
{
  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (income_sources); i++)
    if (g_str_equal (income_sources[i].code, source))
      return TRUE;
  return FALSE;
}

static const struct { const char *code; const char *label; } routes[] = {
  { "approved_list", N_("Approved list") },
  { "dps", N_("Dynamic purchasing system") },
  { "block", N_("Block contract") },
  { "spot", N_("Spot purchase") },
};

const char *
pathways_provider_route_label (const char *route)
{
  for (guint i = 0; route != NULL && i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].code, route))
      return g_dgettext (GETTEXT_PACKAGE, routes[i].label);
  return route;
}

gboolean
pathways_provider_route_is_valid (const char *route)
{
  for (guint i = 0; route != NULL && i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].code, route))
      return TRUE;
  return FALSE;
}
