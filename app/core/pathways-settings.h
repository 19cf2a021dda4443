/* pathways-settings.h — the authority's settings: what each one is, and
 * which values it takes
 *
 * Every setting the store keeps for the authority (the PA contact
 * interval, the readiness threshold …) is described once here: its
 * type, its range, what it means and its default.  The store refuses a
 * value that breaks its rule (pathways_setting_validate() is called by
 * pathways_store_set_setting(), with the same sentences as a form), the
 * Preferences window checks before it writes, and the rules read every
 * value through this table, so that a bad value already in a database
 * (written by another tool) is replaced by the default with a warning
 * instead of being used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_SETTING_TEXT,          /* one line of text, up to max characters */
  PATHWAYS_SETTING_LIST,          /* names separated by ';', each up to max characters */
  PATHWAYS_SETTING_DAYS,          /* a whole number of days, min–max */
  PATHWAYS_SETTING_WORKING_DAYS,  /* a whole number of working days, min–max */
  PATHWAYS_SETTING_PERCENT,       /* a whole percentage, min–max */
  PATHWAYS_SETTING_MONEY,         /* pence, min–max */
  PATHWAYS_SETTING_CHOICE,        /* one of choices */
  PATHWAYS_SETTING_WEIGHTS,       /* "category=weight;…", each weight finite, min–max */
  PATHWAYS_SETTING_YEARS,         /* a whole number of years, min–max */
  PATHWAYS_SETTING_WEIGHT,        /* one whole-number weight, min–max */
} PathwaysSettingType;

typedef struct {
  const char          *key;
  PathwaysSettingType  type;
  const char          *label;          /* N_(): "PA contact interval" */
  const char          *meaning;        /* N_(): what it is for, in a sentence */
  const char          *default_value;  /* as stored; NULL: not set */
  gint64               min;
  gint64               max;            /* for text and lists: characters */
  const char * const  *choices;        /* PATHWAYS_SETTING_CHOICE */
} PathwaysSettingInfo;

const PathwaysSettingInfo *pathways_settings_get_all        (guint        *n_settings);
const PathwaysSettingInfo *pathways_setting_lookup          (const char   *key);

gboolean                   pathways_setting_validate        (const char   *key,
                                                             const char   *value,
                                                             GError      **error);

/* Reading: @value if it is valid for @key, else the default, with a warning */
const char                *pathways_setting_value_or_default (const char  *key,
                                                              const char  *value);
gint64                     pathways_setting_int_or_default  (const char   *key,
                                                             const char   *value);

/* "plans=1;accommodation=2" into one weight per milestone category, in
 * the vocabulary's order (PATHWAYS_N_MILESTONE_CATEGORIES); categories
 * not named weigh 1 */
gboolean                   pathways_readiness_weights_parse (const char   *text,
                                                             double       *out_weights,
                                                             GError      **error);

G_END_DECLS
