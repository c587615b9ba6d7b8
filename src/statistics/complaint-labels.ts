/** Bilingual names of the complaint enumerations, as the department reads them in the summary. */
export const CATEGORY_LABELS: Record<string, string> = {
  quality: '质量 Quality',
  delivery: '交付 Delivery',
  packaging: '包装 Packaging',
  quantity: '数量 Quantity',
  documents: '单据 Documents',
  service: '服务 Service',
  other: '其他 Other',
};
export const SEVERITY_LABELS: Record<string, string> = { minor: '轻微 Minor', major: '严重 Major', critical: '致命 Critical' };
