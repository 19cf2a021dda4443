/* pathways-stock-view-private.h — for the tests: the filters as a
 * person sets them (the widgets follow), and what the view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-stock-view.h"

G_BEGIN_DECLS

void              pathways_stock_view_reload             (PathwaysStockView *self);

/* Filters, as a person sets them (the widgets follow) */
void              pathways_stock_view_set_search_text    (PathwaysStockView *self,
                                                          const char        *text);
void              pathways_stock_view_set_kind           (PathwaysStockView *self,
                                                          const char        *kind);
void              pathways_stock_view_set_area           (PathwaysStockView *self,
                                                          const char        *area);
void              pathways_stock_view_set_status         (PathwaysStockView *self,
                                                          const char        *status);
void              pathways_stock_view_set_authority      (PathwaysStockView *self,
                                                          PathwaysAuthorityFilter authority);
void              pathways_stock_view_set_ages           (PathwaysStockView *self,
                                                          PathwaysAgeFilter  ages);
void              pathways_stock_view_set_registered     (PathwaysStockView *self,
                                                          gboolean           registered);
void              pathways_stock_view_set_max_cost       (PathwaysStockView *self,
                                                          gint64             pence);
void              pathways_stock_view_set_available_on   (PathwaysStockView *self,
                                                          const char        *iso);
void              pathways_stock_view_clear_filters      (PathwaysStockView *self);

/* What the view shows */
gboolean          pathways_stock_view_is_busy            (PathwaysStockView *self);
guint             pathways_stock_view_get_n_visible      (PathwaysStockView *self);
guint             pathways_stock_view_get_n_units        (PathwaysStockView *self);
GListModel       *pathways_stock_view_get_visible        (PathwaysStockView *self);
GListModel       *pathways_stock_view_get_counts         (PathwaysStockView *self);
GListModel       *pathways_stock_view_get_coming_free    (PathwaysStockView *self);
const char       *pathways_stock_view_get_visible_page   (PathwaysStockView *self);
PathwaysUnitPage *pathways_stock_view_get_unit_page      (PathwaysStockView *self);
GtkColumnView    *pathways_stock_view_get_column_view    (PathwaysStockView *self);

G_END_DECLS
