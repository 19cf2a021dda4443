/* pathways-referral-pdf.h — the referral pack as a PDF for providers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-referral.h"

G_BEGIN_DECLS

/* Writes @pack to @path through a private temporary file (0600), whole
 * or not at all */
gboolean pathways_referral_pack_write_pdf (PathwaysReferralPack  *pack,
                                           const char            *path,
                                           GError               **error);

G_END_DECLS
