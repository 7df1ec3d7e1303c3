// The pages' layout is app/[locale]/layout.tsx (it renders <html> in the page's language); this one
// only lets app/not-found.tsx answer a path outside every locale (an unknown /api/… page).
export default function Layout({ children }: { children: React.ReactNode }) {
  return children;
}
