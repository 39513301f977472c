{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('atomic', 'events') }}
    where collector_tstamp < '2030-01-01'
),

renamed as (
    select
        cast(e.event_id as text) as event_id,
        cast(e.collector_tstamp as timestamptz) as collector_tstamp,
        cast(e.derived_tstamp as timestamptz) as derived_tstamp,
        cast(e.dvce_created_tstamp as timestamptz) as dvce_created_tstamp,
        cast(e.event_name as text) as event_name,
        cast(e.event_version as text) as event_version,
        cast(e.app_id as text) as app_id,
        cast(e.platform as text) as platform,
        cast(e.domain_userid as text) as domain_userid,
        cast(e.domain_sessionid as text) as domain_sessionid,
        cast(e.network_userid as text) as network_userid,
        cast(e.user_id as text) as user_id,
        cast(s.sku as text) as sku,
        cast(s.unit_price as double precision) as unit_price,
        cast('atomic' as text) as source_schema,
        cast('com_example_product_1' as text) as source_table,
        cast('acme/product/1-0.json' as text) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as text) as schema_metadata
    from events as e
    join {{ source('atomic', 'com_example_product_1') }} as s
        on s.root_id = e.event_id
        and s.root_tstamp = e.collector_tstamp
)

select * from renamed
