// The segment's own layout, so that not-found.tsx below bounds the pages of an unknown company.
export default function TenantLayout({ children }: { children: React.ReactNode }) {
  return children
}
