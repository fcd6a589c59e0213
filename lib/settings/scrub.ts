import { isKeyShaped } from './key-shaped';
import { mayStoreUrl } from './origins';

type Entries = Record<string, unknown>;

const isRecord = (value: unknown): value is Entries => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record without the entries `keep` refuses (one bad model name does not cost the others). */
function filterEntries(value: unknown, keep: (entry: unknown) => boolean): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => keep(entry)));
}

const fineModel = (entry: unknown) => typeof entry !== 'string' || !isKeyShaped(entry);
const fineUrl = (entry: unknown) => typeof entry !== 'string' || mayStoreUrl(entry);

function scrubFeatureDefaults(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([feature, defaults]) => {
      if (!isRecord(defaults) || fineModel(defaults.model)) return [feature, defaults];
      const { model: _keyShaped, ...rest } = defaults;
      return [feature, rest];
    }),
  );
}

/**
 * Drops, entry by entry, what must never be stored: key-shaped model names, and base or
 * server URLs that are key-shaped or carry credentials or a query string. The schema refuses
 * them too; this keeps the rest of the field.
 */
export function scrubSettings(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const scrubbed: Entries = { ...raw };
  if ('models' in raw) scrubbed.models = filterEntries(raw.models, fineModel);
  if ('baseUrls' in raw) scrubbed.baseUrls = filterEntries(raw.baseUrls, fineUrl);
  if ('featureDefaults' in raw) scrubbed.featureDefaults = scrubFeatureDefaults(raw.featureDefaults);
  if (isRecord(raw.server) && typeof raw.server.url === 'string' && !mayStoreUrl(raw.server.url)) {
    scrubbed.server = { ...raw.server, url: '' };
  }
  return scrubbed;
}
