/* pathways-stock-view.h — the housing liaison workspace: the register,
 * what is free and coming free, and a unit's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"
#include "pathways-unit-page.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_AUTHORITY_ANY,
  PATHWAYS_AUTHORITY_INSIDE,
  PATHWAYS_AUTHORITY_OUTSIDE,
} PathwaysAuthorityFilter;

typedef enum {
  PATHWAYS_AGES_ANY,
  PATHWAYS_AGES_16_17,
  PATHWAYS_AGES_18_PLUS,
} PathwaysAgeFilter;

#define PATHWAYS_TYPE_STOCK_VIEW (pathways_stock_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStockView, pathways_stock_view, PATHWAYS, STOCK_VIEW, GtkWidget)

GtkWidget        *pathways_stock_view_new                (PathwaysContext   *context);
void              pathways_stock_view_open_unit          (PathwaysStockView *self,
                                                          gint64             unit_id);
void              pathways_stock_view_show_coming_free   (PathwaysStockView *self,
                                                          int                months);

G_END_DECLS
