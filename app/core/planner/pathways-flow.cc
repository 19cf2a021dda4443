/* pathways-flow.cc — LEMON's network simplex behind a C API
 *
 * Why LEMON: the monthly plan is an assignment with capacities and
 * costs, i.e. a min-cost flow; LEMON's NetworkSimplex solves it exactly
 * (integer flows, because the network matrix is totally unimodular) in
 * about a tenth of a second for 2,000 people × 5,000 units, is in
 * Debian (liblemon-dev) and is header-only for what we use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* GCC 12 at -O2 warns "may be used uninitialized" inside std::vector as
 * LEMON's graph templates instantiate it (a known false positive of that
 * compiler, gone in later ones): quiet for this file only, so a release
 * build is warning-free like the debug one */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <new>
#include <vector>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

extern "C" {
#include "pathways-flow.h"
}

struct Arc {
  int from, to;
  long long capacity, cost;
};

struct _PathwaysFlow {
  std::vector<long long> supplies;
  std::vector<Arc> arcs;
  std::vector<long long> flows;
  long long total_cost = 0;
};

extern "C" PathwaysFlow *
pathways_flow_new (void)
{
  return new PathwaysFlow ();
}

extern "C" void
pathways_flow_free (PathwaysFlow *flow)
{
  delete flow;
}

extern "C" int
pathways_flow_add_node (PathwaysFlow *flow,
                        gint64        supply)
{
  g_return_val_if_fail (flow != NULL, -1);
  flow->supplies.push_back (supply);
  return (int) flow->supplies.size () - 1;
}

extern "C" int
pathways_flow_add_arc (PathwaysFlow *flow,
                       int           from,
                       int           to,
                       gint64        capacity,
                       gint64        cost)
{
  g_return_val_if_fail (flow != NULL, -1);
  g_return_val_if_fail (from >= 0 && (size_t) from < flow->supplies.size (), -1);
  g_return_val_if_fail (to >= 0 && (size_t) to < flow->supplies.size (), -1);
  g_return_val_if_fail (capacity >= 0, -1);
  flow->arcs.push_back (Arc { from, to, capacity, cost });
  return (int) flow->arcs.size () - 1;
}

extern "C" int
pathways_flow_get_n_nodes (PathwaysFlow *flow)
{
  return (int) flow->supplies.size ();
}

extern "C" int
pathways_flow_get_n_arcs (PathwaysFlow *flow)
{
  return (int) flow->arcs.size ();
}

extern "C" void
pathways_flow_get_arc (PathwaysFlow *flow,
                       int           arc,
                       int          *from,
                       int          *to,
                       gint64       *capacity,
                       gint64       *cost)
{
  g_return_if_fail (arc >= 0 && (size_t) arc < flow->arcs.size ());
  const Arc &a = flow->arcs[arc];
  if (from)
    *from = a.from;
  if (to)
    *to = a.to;
  if (capacity)
    *capacity = a.capacity;
  if (cost)
    *cost = a.cost;
}

extern "C" gint64
pathways_flow_get_supply (PathwaysFlow *flow,
                          int           node)
{
  g_return_val_if_fail (node >= 0 && (size_t) node < flow->supplies.size (), 0);
  return flow->supplies[node];
}

extern "C" PathwaysFlowStatus
pathways_flow_solve (PathwaysFlow *flow)
{
  typedef lemon::SmartDigraph Graph;
  typedef lemon::NetworkSimplex<Graph, long long, long long> Simplex;

  g_return_val_if_fail (flow != NULL, PATHWAYS_FLOW_FAILED);

  try
    {
      Graph g;
      std::vector<Graph::Node> nodes;
      std::vector<Graph::Arc> arcs;

      g.reserveNode ((int) flow->supplies.size ());
      g.reserveArc ((int) flow->arcs.size ());
      nodes.reserve (flow->supplies.size ());
      arcs.reserve (flow->arcs.size ());
      for (size_t i = 0; i < flow->supplies.size (); i++)
        nodes.push_back (g.addNode ());
      for (const Arc &a : flow->arcs)
        arcs.push_back (g.addArc (nodes[a.from], nodes[a.to]));

      Graph::ArcMap<long long> capacity (g), cost (g);
      Graph::NodeMap<long long> supply (g);
      for (size_t i = 0; i < flow->arcs.size (); i++)
        {
          capacity[arcs[i]] = flow->arcs[i].capacity;
          cost[arcs[i]] = flow->arcs[i].cost;
        }
      for (size_t i = 0; i < flow->supplies.size (); i++)
        supply[nodes[i]] = flow->supplies[i];

      Simplex simplex (g);
      simplex.upperMap (capacity).costMap (cost).supplyMap (supply);
      switch (simplex.run ())
        {
        case Simplex::INFEASIBLE:
          return PATHWAYS_FLOW_INFEASIBLE;
        case Simplex::UNBOUNDED:
          return PATHWAYS_FLOW_UNBOUNDED;
        case Simplex::OPTIMAL:
          break;
        }
      flow->flows.assign (flow->arcs.size (), 0);
      for (size_t i = 0; i < flow->arcs.size (); i++)
        flow->flows[i] = simplex.flow (arcs[i]);
      flow->total_cost = simplex.totalCost<long long> ();
      return PATHWAYS_FLOW_OPTIMAL;
    }
  catch (const std::bad_alloc &)
    {
      return PATHWAYS_FLOW_FAILED;
    }
}

extern "C" gint64
pathways_flow_get_flow (PathwaysFlow *flow,
                        int           arc)
{
  g_return_val_if_fail (arc >= 0 && (size_t) arc < flow->flows.size (), 0);
  return flow->flows[arc];
}

extern "C" gint64
pathways_flow_get_total_cost (PathwaysFlow *flow)
{
  return flow->total_cost;
}
