import { PageHeader } from '../../../components/ui/Page.tsx';

/** The administrators' page until the analytics screens land. */
export function AnalyticsPage() {
  return (
    <>
      <PageHeader
        title="Analytics (coming)"
        subtitle="Continuation, response classes and reasons across clinics."
      />
      <p>
        The network analytics — continuation curves, discontinuation reasons and response classes,
        de-identified — are being built. Nothing patient-identifying is shown here.
      </p>
    </>
  );
}
