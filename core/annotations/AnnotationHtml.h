#pragma once
// The user's annotations in the rendered note, merged in time order with the claims,
// without touching the renderer: the blocks are inserted into renderHtml()'s output after
// the claim they follow in time, found by the claim anchors the renderer already emits
// (<a name="claim-N">).
//
// Each block is marked as the user's (class "annotation") and carries links the view turns
// into intents: seek:<ms>?a=<index> (its time), annotation:edit/<index>,
// annotation:delete/<index>. <index> is the annotation's position in readAnnotations().

#include "annotations/AnnotationFile.h"
#include "note/Note.h"

#include <string>
#include <string_view>
#include <vector>

namespace scholia {

struct AnnotationHtmlOptions {
    // Prepended to embedded image paths ("![[attachments/a.png]]"), which are relative to the
    // annotations file, to make them relative to the note's folder ("" when they share it).
    std::string embedPrefix;
};

// The inline HTML of one annotation's text: Markdown as in the file (emphasis, wikilinks,
// local image embeds), without the surrounding block.
std::string annotationTextHtml(const Annotation& annotation, const AnnotationHtmlOptions& options = {});

// `noteHtml` (renderHtml() of `note`) with one block per annotation after the claim whose
// first time is the latest not after the annotation's (before the first timed claim when
// none is; at the end when the note has no timed claim). Same-place annotations are in
// time order. A <style> block in `noteHtml` gets the annotation styles.
std::string mergeAnnotationsIntoHtml(std::string_view noteHtml, const Note& note,
                                     const std::vector<Annotation>& annotations,
                                     const AnnotationHtmlOptions& options = {});

}  // namespace scholia
