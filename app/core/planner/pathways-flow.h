/* pathways-flow.h — a min-cost flow problem, solved by LEMON
 *
 * The planning engine states each month's assignment as a min-cost
 * flow: nodes with supplies (positive: flow leaves, negative: flow
 * arrives), arcs with a capacity and a cost per unit of flow.  This is
 * the whole of the C API over LEMON's NetworkSimplex (C++, in
 * pathways-flow.cc); nothing else in Pathways includes a LEMON header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PathwaysFlow PathwaysFlow;

typedef enum {
  PATHWAYS_FLOW_OPTIMAL,
  PATHWAYS_FLOW_INFEASIBLE,   /* the supplies cannot be routed */
  PATHWAYS_FLOW_UNBOUNDED,
  PATHWAYS_FLOW_FAILED,       /* out of memory inside the solver */
} PathwaysFlowStatus;

PathwaysFlow       *pathways_flow_new            (void);
void                pathways_flow_free           (PathwaysFlow *flow);
/* Returns: the new node's index, from 0 */
int                 pathways_flow_add_node       (PathwaysFlow *flow,
                                                  gint64        supply);
/* Returns: the new arc's index, from 0 */
int                 pathways_flow_add_arc        (PathwaysFlow *flow,
                                                  int           from,
                                                  int           to,
                                                  gint64        capacity,
                                                  gint64        cost);
int                 pathways_flow_get_n_nodes    (PathwaysFlow *flow);
int                 pathways_flow_get_n_arcs     (PathwaysFlow *flow);
void                pathways_flow_get_arc        (PathwaysFlow *flow,
                                                  int           arc,
                                                  int          *from,
                                                  int          *to,
                                                  gint64       *capacity,
                                                  gint64       *cost);
gint64              pathways_flow_get_supply     (PathwaysFlow *flow,
                                                  int           node);
PathwaysFlowStatus  pathways_flow_solve          (PathwaysFlow *flow);
/* After an optimal solve */
gint64              pathways_flow_get_flow       (PathwaysFlow *flow,
                                                  int           arc);
gint64              pathways_flow_get_total_cost (PathwaysFlow *flow);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysFlow, pathways_flow_free)

G_END_DECLS
