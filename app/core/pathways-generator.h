/* pathways-generator.h — a synthetic local authority for demos, tests
 * and benchmarks
 *
 * Deterministic: the same size, seed and date give the same data.  All
 * names are made up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_GENERATE_DEMO,   /* ~60 young people, ~120 units, a few staff */
  PATHWAYS_GENERATE_LARGE,  /* 2,000 young people, 5,000 units */
} PathwaysGenerateSize;

typedef struct {
  guint n_staff;
  guint n_young_people;
  guint n_units;
  guint n_spells;
  guint n_milestones;
  guint n_transitions;
} PathwaysGenerateStats;

gboolean pathways_generate_size_from_string (const char            *text,
                                             PathwaysGenerateSize  *out_size);

gboolean pathways_generate_check_today      (const char            *today,
                                             GError               **error);

gboolean pathways_generate (PathwaysStore          *store,
                            PathwaysGenerateSize    size,
                            guint32                 seed,
                            const char             *today,
                            PathwaysGenerateStats  *out_stats,
                            GError                **error);

/* The most young people pathways_generate_people() makes */
#define PATHWAYS_GENERATE_MAX_PEOPLE 200000

gboolean pathways_generate_people (PathwaysStore          *store,
                                   guint                   n_people,
                                   guint32                 seed,
                                   const char             *today,
                                   PathwaysGenerateStats  *out_stats,
                                   GError                **error);

G_END_DECLS
