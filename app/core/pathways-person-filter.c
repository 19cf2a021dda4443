/* pathways-person-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-filter"

#include "config.h"

#include "pathways-person-filter.h"

/**
 * pathways_person_filter_init:
 *
 * Sets @filter to let everyone through.
 */
void
pathways_person_filter_init (PathwaysPersonFilter *filter)
{
  g_return_if_fail (filter != NULL);

  filter->pa_id = 0;
  filter->team = NULL;
  filter->status = NULL;
  filter->age_band = -1;
  filter->stage = -1;
  filter->with_alerts = FALSE;
}

/* Frees the strings and lets everyone through again */
void
pathways_person_filter_clear (PathwaysPersonFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->team, g_free);
  g_clear_pointer (&filter->status, g_free);
  pathways_person_filter_init (filter);
}

void
pathways_person_filter_copy (const PathwaysPersonFilter *from,
                             PathwaysPersonFilter       *to)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);

  if (from == to)
    return;
  pathways_person_filter_clear (to);
  *to = *from;
  to->team = g_strdup (from->team);
  to->status = g_strdup (from->status);
}

gboolean
pathways_person_filter_is_empty (const PathwaysPersonFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->pa_id == 0 && filter->team == NULL && filter->status == NULL &&
         filter->age_band < 0 && filter->stage < 0 && !filter->with_alerts;
}

/**
 * pathways_person_filter_matches:
 * @status: the person's care status code
 * @age: age in whole years on the day, or -1 if unknown
 * @alert_count: alerts that need action (not the informational ones)
 *
 * Returns: whether a young person with these values passes @filter
 */
gboolean
pathways_person_filter_matches (const PathwaysPersonFilter *filter,
                                gint64                      pa_id,
                                const char                 *team,
                                const char                 *status,
                                int                         age,
                                PathwaysStage               stage,
                                int                         alert_count)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  if (filter->pa_id != 0 && filter->pa_id != pa_id)
    return FALSE;
  if (filter->team != NULL && g_strcmp0 (filter->team, team) != 0)
    return FALSE;
  if (filter->status != NULL && g_strcmp0 (filter->status, status) != 0)
    return FALSE;
  if (filter->age_band >= 0 && (int) pathways_age_band (age) != filter->age_band)
    return FALSE;
  if (filter->stage >= 0 && filter->stage != (int) stage)
    return FALSE;
  if (filter->with_alerts && alert_count <= 0)
    return FALSE;
  return TRUE;
}
