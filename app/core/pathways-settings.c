/* pathways-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-rules.h"
#include "pathways-settings.h"
#include "pathways-store.h"
#include "pathways-vocab.h"

#define MAX_AREAS 100
#define MAX_WEIGHT 100

static const char * const staying_close_scopes[] = { "residential", "all", NULL };

/* Every setting of the authority: keep in step with the store's migrations
 * (a test checks that the two hold the same keys) */
static const PathwaysSettingInfo settings[] = {
  { "authority_name", PATHWAYS_SETTING_TEXT, N_("Authority name"),
    N_("The local authority's name, shown on reports and the timeline."),
    NULL, 0, 200, NULL },
  { "authority_areas", PATHWAYS_SETTING_LIST, N_("Areas inside the authority"),
    N_("The areas that are inside the authority, separated by ‘;’."),
    NULL, 0, 100, NULL },
  { "contact_interval_days", PATHWAYS_SETTING_DAYS, N_("PA contact interval"),
    N_("How often a personal adviser must be in touch (8 weeks in most authorities)."),
    "56", 7, 365, NULL },
  { "readiness_threshold", PATHWAYS_SETTING_PERCENT, N_("Readiness threshold"),
    N_("The share of weighted milestones done at which a young person is ready to move on."),
    "70", 0, 100, NULL },
  { "readiness_weights", PATHWAYS_SETTING_WEIGHTS, N_("Readiness weights"),
    N_("How much each category of milestones counts towards readiness; categories not named count 1."),
    "plans=1;accommodation=2;practical=2;finance=2;eet=1;health=1;family=1;immigration=1", 0, MAX_WEIGHT, NULL },
  { "staying_close_scope", PATHWAYS_SETTING_CHOICE, N_("Staying Close scope"),
    N_("Who Staying Close is for: those leaving residential care, or all care leavers."),
    "residential", 0, 0, staying_close_scopes },
  { "suha_amount", PATHWAYS_SETTING_MONEY, N_("Setting Up Home Allowance"),
    N_("The Setting Up Home Allowance the authority pays, in pence."),
    "300000", 0, 10000000, NULL },
  { "emergency_max_working_days", PATHWAYS_SETTING_WORKING_DAYS, N_("Emergency accommodation limit"),
    N_("The most working days anyone may stay in bed and breakfast or emergency accommodation."),
    "2", 1, 30, NULL },
  /* Local retention schedules commonly keep a care leaver's file until
   * their 75th birthday (the Care Leavers (England) Regs 2010 and the
   * LGA/IRMS schedule leave the period to the authority) */
  { "retention_years", PATHWAYS_SETTING_YEARS, N_("Keep records of closed cases"),
    N_("How many years from the date of birth the records of a closed case are kept."),
    "75", 25, 120, NULL },
  /* The planner's objective (pathways-plan.c) */
  { "plan_weight_cost", PATHWAYS_SETTING_WEIGHT, N_("Planner: weekly cost"),
    N_("How much the weekly cost of a unit counts when the planner chooses, from 0 to 100."),
    "10", 0, 100, NULL },
  { "plan_weight_distance", PATHWAYS_SETTING_WEIGHT, N_("Planner: staying in the authority"),
    N_("How much the planner avoids units outside the authority, from 0 to 100."),
    "30", 0, 100, NULL },
  { "plan_weight_stability", PATHWAYS_SETTING_WEIGHT, N_("Planner: stability"),
    N_("How much the planner avoids moves and stays cut short within a year, from 0 to 100."),
    "10", 0, 100, NULL },
  { "plan_weight_readiness", PATHWAYS_SETTING_WEIGHT, N_("Planner: moving on those who are ready"),
    N_("How much the planner favours moving on young people at or above the readiness threshold, from 0 to 100."),
    "30", 0, 100, NULL },
  { "plan_weight_wishes", PATHWAYS_SETTING_WEIGHT, N_("Planner: stated wishes"),
    N_("How much a young person’s preferred area counts, from 0 to 100."),
    "20", 0, 100, NULL },
  { "plan_weight_waiting", PATHWAYS_SETTING_WEIGHT, N_("Planner: fair waiting"),
    N_("How strongly those who have waited longest come first when places are short, from 0 to 100."),
    "50", 0, 100, NULL },
};

const PathwaysSettingInfo *
pathways_settings_get_all (guint *n_settings)
{
  if (n_settings)
    *n_settings = G_N_ELEMENTS (settings);
  return settings;
}

const PathwaysSettingInfo *
pathways_setting_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].key, key))
      return &settings[i];
  return NULL;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, msg);
  return FALSE;
}

/* Text quoted in a message: valid, and at most a short line of it */
static char *
quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  {
    g_autofree char *start = g_utf8_substring (valid, 0, 39);
    return g_strconcat (start, "…", NULL);
  }
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "12", "0.5": digits, and at most one point with digits after it */
static gboolean
parse_weight (const char *text,
              double     *out)
{
  const char *p = text;
  gboolean point = FALSE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p; p++)
    {
      if (*p == '.' && !point && g_ascii_isdigit (p[1]))
        point = TRUE;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  *out = g_ascii_strtod (text, NULL);
  return isfinite (*out);
}

static gboolean
parse_weights (const PathwaysSettingInfo  *info,
               const char                 *text,
               double                     *out_weights,
               GError                    **error)
{
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);
  const PathwaysVocabEntry *categories;
  guint n_categories;
  gboolean seen[PATHWAYS_N_MILESTONE_CATEGORIES] = { FALSE };
  double weights[PATHWAYS_N_MILESTONE_CATEGORIES];
  g_auto(GStrv) pairs = NULL;
  double total = 0;

  categories = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n_categories);
  g_assert (n_categories == PATHWAYS_N_MILESTONE_CATEGORIES);
  for (guint c = 0; c < n_categories; c++)
    weights[c] = 1.0;

  pairs = g_strsplit (text, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = NULL;
      const char *name, *number;
      int found = -1;
      double weight;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      kv = g_strsplit (pairs[i], "=", 2);
      if (g_strv_length (kv) != 2)
        {
          g_autofree char *shown = quote (pairs[i]);
          return invalid (error, _("‘%s’ in %s is not a category and a weight (for example finance=2)"),
                          shown, label);
        }
      name = g_strstrip (kv[0]);
      number = g_strstrip (kv[1]);
      for (guint c = 0; c < n_categories; c++)
        if (g_str_equal (name, categories[c].code))
          found = (int) c;
      if (found < 0)
        {
          g_autofree char *shown = quote (name);
          return invalid (error, _("‘%s’ in %s is not a milestone category"), shown, label);
        }
      if (seen[found])
        /* Translators: "Readiness weights names Finance twice" */
        return invalid (error, _("%s names %s twice"), label,
                        g_dgettext (GETTEXT_PACKAGE, categories[found].label));
      seen[found] = TRUE;
      if (!parse_weight (number, &weight) || weight < info->min || weight > info->max)
        return invalid (error, _("The weight for %s in %s must be a number from %d to %d"),
                        g_dgettext (GETTEXT_PACKAGE, categories[found].label), label,
                        (int) info->min, (int) info->max);
      weights[found] = weight;
    }

  for (guint c = 0; c < n_categories; c++)
    total += weights[c];
  if (!(total > 0))
    return invalid (error, _("%s must give at least one category a weight above 0"), label);

  if (out_weights != NULL)
    memcpy (out_weights, weights, sizeof weights);
  return TRUE;
}

static gboolean
validate (const PathwaysSettingInfo  *info,
          const char                 *value,
          gint64                     *out_number,
          GError                    **error)
{
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);
  gint64 n = 0;

  if (value != NULL && *value == '\0')
    value = NULL;  /* the store keeps an empty value as no value */
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return invalid (error, _("%s is not valid text"), label);

  switch (info->type)
    {
    case PATHWAYS_SETTING_TEXT:
      if (value == NULL)
        return TRUE;
      if (g_utf8_strlen (value, -1) > info->max)
        return invalid (error, _("%s is too long (at most %d characters)"), label, (int) info->max);
      if (has_control_characters (value))
        return invalid (error, _("%s must be a single line of text"), label);
      return TRUE;

    case PATHWAYS_SETTING_LIST:
      {
        g_auto(GStrv) items = NULL;

        if (value == NULL)
          return TRUE;
        if (has_control_characters (value))
          return invalid (error, _("%s must be a single line of text"), label);
        items = g_strsplit (value, ";", -1);
        if (g_strv_length (items) > MAX_AREAS)
          return invalid (error, _("%s has more than %d entries"), label, MAX_AREAS);
        for (guint i = 0; items[i] != NULL; i++)
          {
            if (*g_strstrip (items[i]) == '\0')
              return invalid (error, _("%s has an empty entry: separate the names with ‘;’"), label);
            if (g_utf8_strlen (items[i], -1) > info->max)
              return invalid (error, _("%s has an entry that is too long (at most %d characters each)"),
                              label, (int) info->max);
          }
        return TRUE;
      }

    case PATHWAYS_SETTING_CHOICE:
      if (value == NULL)
        return invalid (error, _("%s is required"), label);
      for (guint i = 0; info->choices[i] != NULL; i++)
        if (g_str_equal (value, info->choices[i]))
          return TRUE;
      {
        g_autofree char *shown = quote (value);
        return invalid (error, _("%s ‘%s’ is not one of the known values"), label, shown);
      }

    case PATHWAYS_SETTING_WEIGHTS:
      if (value == NULL)
        return TRUE;  /* not set: the default */
      return parse_weights (info, value, NULL, error);

    case PATHWAYS_SETTING_DAYS:
    case PATHWAYS_SETTING_WORKING_DAYS:
    case PATHWAYS_SETTING_YEARS:
    case PATHWAYS_SETTING_PERCENT:
    case PATHWAYS_SETTING_WEIGHT:
    case PATHWAYS_SETTING_MONEY:
    default:
      if (value == NULL)
        return invalid (error, _("%s is required"), label);
      if (!g_ascii_string_to_signed (value, 10, info->min, info->max, &n, NULL))
        switch (info->type)
          {
          case PATHWAYS_SETTING_DAYS:
            return invalid (error, _("%s must be a whole number of days from %d to %d"),
                            label, (int) info->min, (int) info->max);
          case PATHWAYS_SETTING_WORKING_DAYS:
            return invalid (error, _("%s must be a whole number of working days from %d to %d"),
                            label, (int) info->min, (int) info->max);
          case PATHWAYS_SETTING_YEARS:
            return invalid (error, _("%s must be a whole number of years from %d to %d"),
                            label, (int) info->min, (int) info->max);
          case PATHWAYS_SETTING_PERCENT:
            return invalid (error, _("%s must be a whole percentage from %d to %d"),
                            label, (int) info->min, (int) info->max);
          case PATHWAYS_SETTING_WEIGHT:
            return invalid (error, _("%s must be a whole number from %d to %d"),
                            label, (int) info->min, (int) info->max);
          case PATHWAYS_SETTING_MONEY:
          default:
            {
              g_autofree char *min = pathways_money_format (info->min);
              g_autofree char *max = pathways_money_format (info->max);
              /* Translators: "… a whole number of pence, from £0 to £100,000" */
              return invalid (error, _("%s must be a whole number of pence, from %s to %s"), label, min, max);
            }
          }
      if (out_number)
        *out_number = n;
      return TRUE;
    }
}

/**
 * pathways_setting_validate:
 * @value: (nullable): the value as it would be stored; %NULL or "" for none
 *
 * Returns: %TRUE if @value may be stored for @key; otherwise @error says
 * why in the words a form uses (%PATHWAYS_STORE_ERROR_INVALID), or that
 * there is no such setting (%PATHWAYS_STORE_ERROR_NOT_FOUND)
 */
gboolean
pathways_setting_validate (const char  *key,
                           const char  *value,
                           GError     **error)
{
  const PathwaysSettingInfo *info = pathways_setting_lookup (key);

  if (info == NULL)
    {
      g_autofree char *shown = quote (key ? key : "");
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                   _("There is no setting called ‘%s’"), shown);
      return FALSE;
    }
  return validate (info, value, NULL, error);
}

/**
 * pathways_setting_value_or_default:
 *
 * Returns: (nullable): @value if it is valid for @key, else @key's
 * default (with a warning naming what was wrong)
 */
const char *
pathways_setting_value_or_default (const char *key,
                                   const char *value)
{
  const PathwaysSettingInfo *info = pathways_setting_lookup (key);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (value == NULL && info->default_value != NULL)
    return info->default_value;
  if (validate (info, value, NULL, &error))
    return value;
  g_warning ("The stored %s is not used: %s", key, error->message);
  return info->default_value;
}

/**
 * pathways_setting_int_or_default:
 *
 * Returns: @value as a number if it is valid for @key (a number setting),
 * else @key's default (with a warning)
 */
gint64
pathways_setting_int_or_default (const char *key,
                                 const char *value)
{
  const PathwaysSettingInfo *info = pathways_setting_lookup (key);
  gint64 n = 0;

  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->default_value != NULL, 0);

  value = pathways_setting_value_or_default (key, value);
  if (!validate (info, value, &n, NULL))
    g_return_val_if_reached (0);  /* the default is valid: a test checks */
  return n;
}

/**
 * pathways_readiness_weights_parse:
 * @text: (nullable): as stored; %NULL or "": every category weighs 1
 * @out_weights: (out caller-allocates) (optional): PATHWAYS_N_MILESTONE_CATEGORIES weights
 */
gboolean
pathways_readiness_weights_parse (const char  *text,
                                  double      *out_weights,
                                  GError     **error)
{
  const PathwaysSettingInfo *info = pathways_setting_lookup ("readiness_weights");

  g_assert (info != NULL);

  if (text == NULL || *text == '\0')
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("%s is not valid text"), g_dgettext (GETTEXT_PACKAGE, info->label));
  return parse_weights (info, text, out_weights, error);
}
