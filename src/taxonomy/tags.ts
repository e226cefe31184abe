/** Sensitivity tags: which law singles a data category out (see categories.ts for the sources). */
export type SensitivityTag = 'gdpr9' | 'gdpr10' | 'cpra_spi' | 'phi' | 'pci_chd' | 'pci_sad' | 'coppa';

export const SENSITIVITY_TAGS: readonly SensitivityTag[] = ['gdpr9', 'gdpr10', 'cpra_spi', 'phi', 'pci_chd', 'pci_sad', 'coppa'];

/** Tags that make a category high severity on their own. `phi` and `coppa` do not: they also cover plain names and emails. */
export const HIGH_SEVERITY_TAGS: ReadonlySet<SensitivityTag> = new Set(['gdpr9', 'gdpr10', 'cpra_spi', 'pci_chd', 'pci_sad']);

export function isSensitivityTag(value: string): value is SensitivityTag {
  return (SENSITIVITY_TAGS as readonly string[]).includes(value);
}
