//! The shipped crate's `Region` (from `spec/codegen.toml`'s `[client.regions]`): every Genesys
//! Cloud region, its API host and its login host.

use std::str::FromStr;

use genesys_cloud_models::region_::{Region, UnknownRegion};

#[test]
fn every_region_has_its_api_and_login_hosts_and_reads_back_from_its_name() {
    assert_eq!(Region::ALL.len(), 15);
    for &region in Region::ALL {
        assert_eq!(Region::from_str(region.name()), Ok(region));
        assert_eq!(region.to_string(), region.name());
        let domain = region.api_host().strip_prefix("api.").unwrap();
        assert_eq!(region.login_host(), format!("login.{domain}"), "{region}");
        assert_eq!(
            region.api_base_url(),
            format!("https://{}", region.api_host())
        );
    }
    assert_eq!(
        Region::UsEast1.api_base_url(),
        "https://api.mypurecloud.com"
    );
    assert_eq!(
        Region::EuWest1.login_base_url(),
        "https://login.mypurecloud.ie"
    );
    assert_eq!(Region::UsEast2.api_host(), "api.use2.us-gov-pure.cloud");
    assert_eq!(
        "mars-north-1".parse::<Region>(),
        Err(UnknownRegion("mars-north-1".into()))
    );
}
