/* pathways-903-synthetic.h — a synthetic SSDA903 return, for benchmarks and tests
 *
 * Header, Episodes and OC3 for a made-up authority: valid codes,
 * contiguous episodes, the same seed giving the same files.  (The
 * generator of pathways-cli will use it for "generate --export-903".)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GString *header;
  GString *episodes;
  GString *oc3;
  guint    n_rows;   /* data rows in all three */
} Pathways903Synthetic;

Pathways903Synthetic *pathways_903_synthetic_new  (guint                 n_children,
                                                   guint32               seed,
                                                   int                   year);
void                  pathways_903_synthetic_free (Pathways903Synthetic *synthetic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Synthetic, pathways_903_synthetic_free)

G_END_DECLS
