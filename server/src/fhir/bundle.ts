import type { Bundle, Resource } from '@medplum/fhirtypes';

/** A searchset Bundle of the resources found, each with its absolute URL on this server. */
export function searchset(base: string, resources: readonly Resource[], selfUrl: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
