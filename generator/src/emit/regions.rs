//! The `Region` enum of a crate whose config lists regions (`[client.regions]`): each region's
//! API host and login host, so a caller picks a region rather than two host names.

use proc_macro2::TokenStream;
use quote::quote;

use super::GeneratedFile;
use super::docs::{code_span, doc_attributes, inner_doc_attributes};
use super::layout::{self, Item};
use super::types::ident;
use crate::model::Region;
use crate::naming::REGION_MODULE;

/// `src/region_.rs`, or nothing when there are no regions.
pub fn region_file(regions: &[Region]) -> Option<GeneratedFile> {
    let first = regions.first()?;
    let module_docs = inner_doc_attributes(&format!(
        "The regions the API is served from, each with its API host and its OAuth login host: \
         `{REGION_MODULE}::Region::{variant}.api_base_url()` is the base URL of requests, \
         `login_base_url()` the login host's (its `/oauth/token` gives tokens for client \
         credentials).",
        variant = first.variant,
    ));
    let variants: Vec<_> = regions
        .iter()
        .map(|region| ident(&region.variant))
        .collect();
    let variant_docs = regions.iter().map(|region| {
        doc_attributes(&format!(
            "{}: the API at {}, login at {}.",
            code_span(&region.name),
            code_span(&region.api_host),
            code_span(&region.login_host)
        ))
    });
    let arms = |value: fn(&Region) -> &str| -> Vec<TokenStream> {
        regions
            .iter()
            .map(|region| {
                let variant = ident(&region.variant);
                let value = value(region);
                quote!(Self::#variant => #value,)
            })
            .collect()
    };
    let names = arms(|region| &region.name);
    let api_hosts = arms(|region| &region.api_host);
    let login_hosts = arms(|region| &region.login_host);
    let items = [
        quote! {
        /// A region the API is served from. `Display` and `FromStr` use its name (`us-east-1`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Region {
            #( #variant_docs #variants, )*
        }
        },
        quote! {
        impl Region {
            /// Every region, sorted by name.
            pub const ALL: &[Region] = &[#(Self::#variants),*];

            /// The region's name as the vendor writes it.
            pub fn name(self) -> &'static str {
                match self { #(#names)* }
            }

            /// The API's host in the region.
            pub fn api_host(self) -> &'static str {
                match self { #(#api_hosts)* }
            }

            /// The OAuth login host in the region.
            pub fn login_host(self) -> &'static str {
                match self { #(#login_hosts)* }
            }

            /// `https://` and the API's host: the base URL of requests.
            pub fn api_base_url(self) -> ::std::string::String {
                ::std::format!("https://{}", self.api_host())
            }

            /// `https://` and the login host: where tokens come from.
            pub fn login_base_url(self) -> ::std::string::String {
                ::std::format!("https://{}", self.login_host())
            }
        }
        },
        quote! {
        impl ::std::fmt::Display for Region {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str(self.name())
            }
        }
        },
        quote! {
        impl ::std::str::FromStr for Region {
            type Err = UnknownRegion;

            /// The region named `name` (`us-east-1`).
            fn from_str(name: &str) -> ::std::result::Result<Self, UnknownRegion> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|region| region.name() == name)
                    .ok_or_else(|| UnknownRegion(name.to_owned()))
            }
        }
        },
        quote! {
        /// A name that is no region's: what `Region::from_str` fails with.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct UnknownRegion(pub ::std::string::String);
        },
        quote! {
        impl ::std::fmt::Display for UnknownRegion {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::write!(formatter, "`{}` is not a region of the API", self.0)
            }
        }
        },
        quote!(impl ::std::error::Error for UnknownRegion {}),
    ]
    .into_iter()
    .map(Item::Tokens)
    .collect();
    Some(GeneratedFile {
        path: format!("src/{REGION_MODULE}.rs").into(),
        contents: layout::file(module_docs, items),
    })
}
