/* pathways-print.h — printing a laid-out document, with preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"

G_BEGIN_DECLS

/* A print operation for @pages (A4 recording surfaces from the report
 * layer, e.g. pathways_person_summary_pages()): A4 portrait by default,
 * one printed page per page, each drawn scaled to the printable area.
 * The GTK print dialog offers Preview for it.  Runs without a dialog too:
 * gtk_print_operation_set_export_filename() and
 * GTK_PRINT_OPERATION_ACTION_EXPORT write a PDF (the tests do). */
GtkPrintOperation *pathways_print_operation_new (const char *job_name,
                                                 GPtrArray  *pages);

/* Shows the print dialog for @operation over @widget's window; a failure
 * is shown as a toast of @context */
void               pathways_print_run           (GtkPrintOperation *operation,
                                                 GtkWidget         *widget,
                                                 PathwaysContext   *context);

G_END_DECLS
