// The search interpreter over the database's vocabularies (cached per vocabulary object).
import { createInterpreter } from "../search/interpret";
import type { AppVocabulary } from "./vocabulary";

const cache = new WeakMap<AppVocabulary, ReturnType<typeof createInterpreter>>();

export function interpreterFor(vocab: AppVocabulary) {
  let it = cache.get(vocab);
  if (!it) {
    it = createInterpreter({ endpoints: vocab.endpoints, treatments: vocab.treatments, groups: vocab.groups, studies: vocab.studies, ...(vocab.locale ? { locale: vocab.locale } : {}) });
    cache.set(vocab, it);
  }
  return it;
}
