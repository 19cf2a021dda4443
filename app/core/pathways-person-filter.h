/* pathways-person-filter.h — which young people a manager is looking at
 *
 * The filters the caseload and the timeline share: personal adviser,
 * team, care-leaver status, age band, pathway stage and "has alerts".
 * A filter is a plain struct; the predicate works on plain values so
 * that any row type (caseload rows, timeline rows) can be tested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-person.h"
#include "pathways-rules.h"

G_BEGIN_DECLS

typedef struct {
  gint64           pa_id;        /* 0: anyone's */
  char            *team;         /* NULL: any team */
  char            *status;       /* a care status code (pathways_care_status_code), NULL: any */
  int              age_band;     /* a PathwaysAgeBand (pathways-person.h), or -1 for any */
  int              stage;        /* a PathwaysStage, or -1 for any */
  gboolean         with_alerts;  /* only people with at least one alert */
} PathwaysPersonFilter;

void          pathways_person_filter_init     (PathwaysPersonFilter       *filter);
void          pathways_person_filter_clear    (PathwaysPersonFilter       *filter);
void          pathways_person_filter_copy     (const PathwaysPersonFilter *from,
                                               PathwaysPersonFilter       *to);
gboolean      pathways_person_filter_is_empty (const PathwaysPersonFilter *filter);
gboolean      pathways_person_filter_matches  (const PathwaysPersonFilter *filter,
                                               gint64                      pa_id,
                                               const char                 *team,
                                               const char                 *status,
                                               int                         age,
                                               PathwaysStage               stage,
                                               int                         alert_count);

G_END_DECLS
