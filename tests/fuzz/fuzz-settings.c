/* fuzz-settings.c — any key and value for the authority's settings
 *
 * The input is "key=value" (the key is one of the settings when it
 * starts with a digit 0–9 naming it, else the text itself).  A value is
 * accepted only if reading it back gives itself; whatever is stored, the
 * rules read values inside each setting's range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <stdint.h>

#include "pathways-rules.h"
#include "pathways-settings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet (const char     *domain,
       GLogLevelFlags  level,
       const char     *message,
       gpointer        data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *eq = strchr (text, '=');
  const PathwaysSettingInfo *all;
  const PathwaysSettingInfo *info;
  const char *key, *value;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(PathwaysRuleSettings) rules = NULL;
  guint n;

  /* Falling back to a default warns: not news here */
  g_log_set_handler ("pathways-settings", G_LOG_LEVEL_WARNING, quiet, NULL);

  all = pathways_settings_get_all (&n);
  if (eq == NULL)
    return 0;
  *eq = '\0';
  key = text;
  value = eq + 1;
  if (g_ascii_isdigit (key[0]) && key[1] == '\0')
    key = all[(key[0] - '0') % n].key;
  info = pathways_setting_lookup (key);

  if (pathways_setting_validate (key, value, &error))
    {
      g_assert (info != NULL);
      if (*value != '\0' || info->default_value == NULL)
        g_assert (g_strcmp0 (pathways_setting_value_or_default (key, value), *value ? value : NULL) == 0);
    }
  else
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      if (info != NULL)
        {
          const char *used = pathways_setting_value_or_default (key, value);
          g_assert (used == info->default_value);
        }
    }

  if (info == NULL)
    return 0;

  /* The rules, whatever was stored */
  table = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (table, (char *) key, (char *) value);
  rules = pathways_rule_settings_new_from_table (table, NULL);
  g_assert (rules->contact_interval_days >= 7 && rules->contact_interval_days <= 365);
  g_assert (rules->readiness_threshold >= 0 && rules->readiness_threshold <= 100);
  g_assert (rules->emergency_max_working_days >= 1 && rules->emergency_max_working_days <= 30);
  g_assert (rules->suha_amount >= 0);
  for (guint c = 0; c < PATHWAYS_N_MILESTONE_CATEGORIES; c++)
    g_assert (isfinite (rules->readiness_weights[c]) && rules->readiness_weights[c] >= 0);
  for (guint i = 0; rules->authority_areas[i] != NULL; i++)
    g_assert (g_utf8_validate (rules->authority_areas[i], -1, NULL));
  return 0;
}
